// ASVS 2.1.7: passwords known from breach lists are refused. A short local list
// (no download at run time) of the most common ones long enough to pass the
// length rule, plus passwords made of one repeated character or a keyboard run.
const COMMON = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456789000",
  "1234567890qwe",
  "1qaz2wsx3edc",
  "1q2w3e4r5t6y",
  "qwertyuiop12",
  "qwertyuiop123",
  "qwerty123456",
  "qwe123qwe123",
  "asdfghjkl123",
  "zxcvbnm12345",
  "password1234",
  "password12345",
  "password123456",
  "passw0rd1234",
  "p@ssw0rd1234",
  "p@ssword1234",
  "admin1234567",
  "administrator",
  "admin@123456",
  "welcome12345",
  "iloveyou1234",
  "abc123456789",
  "abcd12345678",
  "aa123456789a",
  "woaini131452",
  "woaini520520",
  "5201314520131",
  "520131452013",
  "147258369147",
  "123123123123",
  "112233445566",
  "111222333444",
  "987654321098",
  "0987654321qwe",
  "changeme1234",
  "letmein12345",
  "dangan123456",
  "dangan@123456",
]);

const KEYBOARD_RUNS = [
  "1234567890",
  "0987654321",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "abcdefghijklmnopqrstuvwxyz",
];

/** True when the password is on the breach list, one repeated character, or a keyboard run. */
export function isCommonPassword(password: string): boolean {
  const p = password.normalize("NFKC").toLowerCase();
  if (COMMON.has(p)) return true;
  if (/^(.)\1*$/u.test(p)) return true;
  return KEYBOARD_RUNS.some((run) => run.startsWith(p) || `${run}${run}`.includes(p));
}
