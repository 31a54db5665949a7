import { createHash } from 'node:crypto';
import { PAGE_CSP, PAGE_STYLE } from './page-headers';
import { escapeHtml, renderFormPage, renderMessagePage } from './page-html';

const page = (overrides = {}) => ({
  language: 'de' as const,
  title: 'page.reset-password.title' as const,
  intro: 'page.reset-password.intro' as const,
  action: '/reset-password',
  hidden: { token: 't"><script>x</script>', csrf: 'c' },
  fields: [
    {
      name: 'username',
      label: 'page.field.username' as const,
      type: 'text' as const,
      autocomplete: 'username',
      maxLength: 64,
      required: true,
      value: '"><img src=x onerror=alert(1)>',
    },
  ],
  submit: 'page.submit.password' as const,
  ...overrides,
});

describe('pages', () => {
  it('escape every character that could end a text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('render a form in the page language, values escaped, posting back to the page', () => {
    const html = renderFormPage(page());
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).toContain('<h1>Neues Passwort festlegen</h1>');
    expect(html).toContain('<form method="post" action="/reset-password">');
    expect(html).toContain('value="t&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(html).not.toMatch(/<script|<img/);
  });

  it('mark the field an error is about, and show the error as an alert', () => {
    const html = renderFormPage(page({ error: 'Bitte <prüfen>', invalidField: 'username' }));
    expect(html).toContain('<p class="error" role="alert">Bitte &lt;prüfen&gt;</p>');
    expect(html).toContain('aria-invalid="true"');
  });

  it('write Arabic right to left', () => {
    const html = renderMessagePage({ language: 'ar', title: 'page.done.title', message: 'x', kind: 'done' });
    expect(html).toContain('<html lang="ar" dir="rtl">');
  });

  it('carry no script, and the one inline style the policy allows by its hash', () => {
    const html = renderFormPage(page());
    const hash = createHash('sha256').update(PAGE_STYLE).digest('base64');
    expect(html).toContain(`<style>${PAGE_STYLE}</style>`);
    expect(PAGE_CSP).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    );
  });
});
