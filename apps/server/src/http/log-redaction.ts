// What the server's log must never contain (ASVS 7.1.1, 7.1.2): credentials,
// session and CSRF tokens, sensor tokens, and cookies set in a reply.
// Fastify's request serializer logs only method, url and addresses; these paths
// cover any log line that carries headers (e.g. a plugin's debug output).
export const LOG_REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'req.headers["x-sensor-token"]',
  'res.headers["set-cookie"]',
  "headers.cookie",
  "headers.authorization",
  'headers["x-csrf-token"]',
  'headers["x-sensor-token"]',
  "*.password",
  "*.current",
  "*.next",
  "*.token",
  "*.sessionToken",
  "*.csrfToken",
  "*.secret",
  // Two-factor sign-in: the sign-in challenge, TOTP setup and recovery codes.
  "*.challenge",
  "*.otpauthUri",
  "*.recoveryCode",
  "*.recoveryCodes",
  // A database error's detail can quote a failing row with personal data.
  "err.detail",
];
