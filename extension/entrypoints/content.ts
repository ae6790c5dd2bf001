// Content script on blog posts: placeholder until the tagging issue fills it in.
import { BLOG_MATCHES } from '../manifest-config';

export default defineContentScript({
  matches: BLOG_MATCHES,
  main() {},
});
