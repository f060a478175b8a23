import { escapeHtml, loginPage, logoutPage } from './pages';

describe('pages', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('renders the login form with the uid, the typed email escaped, and the error', () => {
    const html = loginPage({ uid: 'u1', clientName: 'tetrad-cli', email: '"><script>', error: 'Nope.' });
    expect(html).toContain('<form method="post" action="/interaction/u1/login">');
    expect(html).toContain('<input type="hidden" name="uid" value="u1">');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(html).not.toContain('"><script>');
    expect(html).toContain('Nope.');
  });

  it('makes the logout confirmation submit itself with logout=yes', () => {
    const form =
      '<form id="op.logoutForm" method="post" action="/session/end/confirm"><input type="hidden" name="xsrf" value="x"/></form>';
    const html = logoutPage(form);
    expect(html).toContain('<input type="hidden" name="logout" value="yes">');
    expect(html).toContain('name="xsrf" value="x"');
    expect(html).toContain('document.forms[0].submit()');
  });
});
