// Browser side of the «О программе» dialog.
declare const google: { script: { host: { close(): void } } } | undefined;

document.getElementById('close')?.addEventListener('click', () => {
  if (typeof google !== 'undefined') google.script.host.close();
});
