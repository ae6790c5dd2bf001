// A post's identity across canonical links, web-archive copies and the blog's address variants.
import { expect, test } from 'vitest';
import { isBlogAddress, postIdentity, unwrapWebArchive } from '../../shared/url';

const NACKA = 'http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/';

test.each([
  ['http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/', null, NACKA],
  ['https://www.socialbarnungdom.se/kommunbesok/nacka-kommun/', null, NACKA],
  ['https://socialbarnungdom.se/kommunbesok/nacka-kommun/', null, NACKA],
  ['http://SocialBarnUngdom.se/kommunbesok/nacka-kommun', null, NACKA],
  ['https://www.socialbarnungdom.se/kommunbesok/nacka-kommun/#comments', null, NACKA],
  ['https://www.socialbarnungdom.se/kommunbesok/nacka-kommun/?utm_source=x&utm_medium=y', null, NACKA],
  ['https://www.socialbarnungdom.se/?p=796&utm_campaign=z', null, 'http://www.socialbarnungdom.se/?p=796'],
  ['https://web.archive.org/web/20160305121314/http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/', null, NACKA],
  ['https://web.archive.org/web/20160305121314id_/http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/', null, NACKA],
  ['http://web.archive.org/web/2016/https://socialbarnungdom.se/kommunbesok/nacka-kommun/#x', null, NACKA],
  ['https://web.archive.org/web/20160305121314/www.socialbarnungdom.se/kommunbesok/nacka-kommun/', null, NACKA],
  ['http://127.0.0.1:8080/blog/nacka-kommun.html', NACKA, NACKA],
  ['https://web.archive.org/web/20160305121314/http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/', NACKA, NACKA],
  [
    'https://web.archive.org/web/20160305121314/http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/',
    'https://web.archive.org/web/20160305121314/http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/',
    NACKA,
  ],
  ['http://127.0.0.1:8080/blog/nacka-kommun.html', '/kommunbesok/nacka-kommun/', 'http://127.0.0.1:8080/kommunbesok/nacka-kommun/'],
  ['http://127.0.0.1:8080/blog/nacka-kommun.html?utm_source=a#top', null, 'http://127.0.0.1:8080/blog/nacka-kommun.html'],
  ['http://127.0.0.1:8080/blog/nacka-kommun.html', 'javascript:alert(1)', 'http://127.0.0.1:8080/blog/nacka-kommun.html'],
  ['about:blank', null, null],
  ['not a url', null, null],
])('%s (canonical %s) → %s', (page, canonical, expected) => {
  expect(postIdentity(page, canonical)).toBe(expected);
});

test('web-archive unwrapping leaves other addresses alone', () => {
  expect(unwrapWebArchive('https://example.org/web/1/http://x')).toBe('https://example.org/web/1/http://x');
});

test.each([
  ['https://www.socialbarnungdom.se/x/', true],
  ['https://web.archive.org/web/2016/http://socialbarnungdom.se/x/', true],
  ['https://notsocialbarnungdom.se/x/', false],
  ['https://socialbarnungdom.se.evil.example/x/', false],
  ['nonsense', false],
])('isBlogAddress(%s) = %s', (address, expected) => {
  expect(isBlogAddress(address)).toBe(expected);
});
