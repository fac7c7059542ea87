/** Input limits shared by server validation and web forms. */
export const LIMITS = {
  nameMax: 100,
  codeMax: 40,
  usernameMax: 40,
  displayNameMax: 60,
  passwordMax: 128,
  searchMax: 100,
  noteMax: 2000,
  pageSizeMax: 200,
  pageSizeDefault: 20,
  bodyBytes: 1_048_576,
} as const;
