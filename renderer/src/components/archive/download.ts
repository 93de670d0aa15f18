// Bytes from the backend saved as a file the user downloads (the dossier ZIP, a transfer package).
export function downloadBytes(fileName: string, data: Uint8Array, type = 'application/zip'): void {
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
