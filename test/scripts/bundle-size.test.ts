import { FIRST_SCREEN_BUDGET, firstScreenScripts } from '../../scripts/bundle-size';

describe('the first-screen scripts of taskpane.html', () => {
  it('are the local scripts the page loads, without the cache-busting query, and not the CDN office.js', () => {
    const html = `<html><head>
      <script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
      <script src="//cdn.example.com/x.js"></script>
      <script defer src="taskpane.js?3f2a9c1b"></script><script defer="defer" src=vendors.js#x></script>
      <script>window.inline = 1;</script>
    </head><body></body></html>`;
    expect(firstScreenScripts(html)).toEqual(['taskpane.js', 'vendors.js']);
  });

  it('are held to DESIGN.md’s 150 KB gzipped', () => {
    expect(FIRST_SCREEN_BUDGET).toBe(150 * 1024);
  });
});
