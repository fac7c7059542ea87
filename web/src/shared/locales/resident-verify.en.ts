/** English strings of the residents' phone verification (same keys as resident-verify.zh-CN). */
import type { residentVerifyZhCN } from './resident-verify.zh-CN';
import type { Strings } from './strings';

export const residentVerifyEn: Strings<typeof residentVerifyZhCN> = {
  residentVerify: {
    title: 'Verify your phone',
    intro: 'To comment, support, vote, rate or sign in to a meeting, first verify your mobile number. It stays verified on this phone for 30 days.',
    phone: 'Mobile number',
    phoneInvalid: 'Enter an 11-digit mobile number',
    getCode: 'Get code',
    sending: 'Sending…',
    resendIn: 'Resend in {{seconds}} s',
    sentTo: 'A code was sent to {{phone}}; it is valid for {{minutes}} minutes',
    code: 'Verification code',
    codeInvalid: 'Enter the {{length}}-digit code',
    codeFirst: 'Get a code first',
    verify: 'Verify',
    verifying: 'Verifying…',
    verified: 'Verified: {{phone}}',
    continue: 'Continue',
    signOut: 'Sign out',
    loading: 'Loading…',
  },
};
