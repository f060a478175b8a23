/** The provider's few HTML pages: plain, tiny, and with every interpolated value escaped. */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Tetrad development sign-in</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}label,input,button{display:block;width:100%;box-sizing:border-box;margin:.25rem 0}input{padding:.4rem}button{margin-top:1rem;padding:.5rem}.error{color:#b00020}.note{color:#555;font-size:.9em}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

export interface LoginPageOptions {
  uid: string;
  clientName: string;
  email?: string;
  error?: string;
}

export function loginPage({ uid, clientName, email = '', error }: LoginPageOptions): string {
  const action = `/interaction/${encodeURIComponent(uid)}/login`;
  const abort = `/interaction/${encodeURIComponent(uid)}/abort`;
  return layout(
    'Sign in',
    `<p>to continue to <strong>${escapeHtml(clientName)}</strong></p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="uid" value="${escapeHtml(uid)}">
<label for="email">Email</label>
<input id="email" type="email" name="email" value="${escapeHtml(email)}" autocomplete="username" required autofocus>
<label for="password">Password</label>
<input id="password" type="password" name="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<form method="post" action="${escapeHtml(abort)}"><button type="submit">Cancel</button></form>
<p class="note">Development identity provider: demo accounts only (see <code>npm run token -- --list</code>).</p>`,
  );
}

/**
 * RP-initiated logout confirmation that submits itself: `form` is oidc-provider's form (with its
 * xsrf field); `logout=yes` also ends the session here. Without JavaScript the button does it.
 */
export function logoutPage(form: string): string {
  const confirmed = form.replace(
    '</form>',
    '<input type="hidden" name="logout" value="yes"><button type="submit">Sign out</button></form>',
  );
  return layout(
    'Signing out',
    `${confirmed}
<script>document.forms[0].submit();</script>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<p>${escapeHtml(message)}</p>`);
}

export function errorPage(details: Record<string, string>): string {
  const rows = Object.entries(details)
    .map(([name, value]) => `<p><strong>${escapeHtml(name)}</strong>: ${escapeHtml(value)}</p>`)
    .join('\n');
  return layout('Sign-in problem', rows);
}
