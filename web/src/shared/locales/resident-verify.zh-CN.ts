/** Simplified Chinese strings of the residents' phone verification (/m/verify and the VerifyPhone component). */
export const residentVerifyZhCN = {
  residentVerify: {
    title: '验证手机号',
    intro: '参与评论、支持、投票、评价和会议签到，需要先验证手机号。验证后 30 天内无需重复验证。',
    phone: '手机号',
    phoneInvalid: '请输入11位手机号',
    getCode: '获取验证码',
    sending: '正在发送…',
    resendIn: '{{seconds}} 秒后重新获取',
    sentTo: '验证码已发送至 {{phone}}，{{minutes}} 分钟内有效',
    code: '验证码',
    codeInvalid: '请输入{{length}}位数字验证码',
    codeFirst: '请先获取验证码',
    verify: '验证',
    verifying: '正在验证…',
    verified: '已验证手机号 {{phone}}',
    continue: '继续',
    signOut: '退出验证',
    loading: '正在加载…',
  },
};
