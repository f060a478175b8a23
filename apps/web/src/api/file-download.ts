/** Files the API generates (a ledger workbook, a contract document), handed to the browser as downloads. */

export interface FileDownload {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/** A base64 string (the API's file download) as bytes, for a Blob. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves a downloaded file through a temporary link, as the browser's own download. */
export function saveFileDownload(file: FileDownload): void {
  const blob = new Blob([base64ToBytes(file.contentBase64)], { type: file.contentType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
