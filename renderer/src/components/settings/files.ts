// Text files in and out of the settings screen: a download made from a string (the export
// methods return JSON text), and the text of a file the user picked (UTF-8, BOM tolerated).

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function readText(file: Blob): Promise<string> {
  return new TextDecoder('utf-8').decode(await file.arrayBuffer());
}

/** 1536 → "1.5 KB"; for backup sizes. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
