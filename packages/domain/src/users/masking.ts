// Personal data is masked unless the viewer's role needs it.
export function maskIdNumber(value: string | null): string | null {
  if (!value) return value;
  return value.length <= 8 ? "****" : `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}

export function maskPhone(value: string | null): string | null {
  if (!value) return value;
  return value.length <= 7 ? "****" : `${value.slice(0, 3)}****${value.slice(-4)}`;
}
