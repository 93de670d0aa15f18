/* global window, document */
// The passphrase window's page (electron/main/unlock.ts): a plain script, no framework, so the
// window opens at once before the database and the main UI exist. window.unlock comes from
// electron/preload/unlock.ts.
(async () => {
  const api = window.unlock;
  const form = document.getElementById('form');
  const input = document.getElementById('passphrase');
  const confirm = document.getElementById('confirm');
  const error = document.getElementById('error');
  const button = document.getElementById('submit');
  const { isNew, minLength } = await api.status();
  if (isNew) {
    document.getElementById('title').textContent = '设置数据库口令';
    document.getElementById('intro').textContent =
      `本机的系统钥匙串不可用，稽核数据库将用口令加密。请设置至少 ${minLength} 个字符的口令并牢记：口令丢失后数据库和备份都无法打开，任何人都无法找回。`;
    document.getElementById('confirmRow').classList.remove('hidden');
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const passphrase = input.value;
    if (isNew && passphrase.length < minLength) {
      error.textContent = `口令至少需要 ${minLength} 个字符`;
      return;
    }
    if (isNew && passphrase !== confirm.value) {
      error.textContent = '两次输入的口令不一致';
      return;
    }
    button.disabled = true;
    button.textContent = '正在打开…';
    const result = await api.submit(passphrase);
    if (!result.ok) {
      error.textContent = result.message;
      button.disabled = false;
      button.textContent = '打开数据库';
      input.select();
    }
  });
})();
