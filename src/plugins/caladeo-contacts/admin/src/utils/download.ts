/** The file name a `Content-Disposition: attachment; filename="…"` header proposes, if any. */
export const fileNameOf = (headers: Headers | undefined) =>
  headers?.get('Content-Disposition')?.match(/filename="([^"]+)"/)?.[1] ?? null;

/** Hands a file fetched with the admin's session to the browser, as a download link would. */
export const saveFile = (data: Blob, fileName: string) => {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
};
