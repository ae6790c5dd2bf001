// The sheet's choice of where links go (the original address or its web-archive copy), kept in Document Properties.
import { DEFAULT_LINK_TARGET, isLinkTarget, type LinkTarget } from '../shared/passage-link';

const LINK_TARGET_PROPERTY = 'ANNOTERA_LINK_TARGET';

export function readLinkTarget(properties = PropertiesService.getDocumentProperties()): LinkTarget {
  const stored = properties.getProperty(LINK_TARGET_PROPERTY);
  return isLinkTarget(stored) ? stored : DEFAULT_LINK_TARGET;
}

export function saveLinkTarget(target: LinkTarget, properties = PropertiesService.getDocumentProperties()): void {
  properties.setProperty(LINK_TARGET_PROPERTY, target);
}
