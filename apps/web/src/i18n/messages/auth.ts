import { defineMessages } from "../define.ts";

export const auth = defineMessages(
  {
    title: "登录",
    subtitle: "上海市档案业务外包与中介服务监管平台",
    username: "用户名",
    password: "密码",
    usernameRequired: "请输入用户名",
    passwordRequired: "请输入密码",
    submit: "登录",
    lockedUntil: (time: string) => `账户锁定至 ${time}，请稍后再试或联系本单位管理员解锁。`,
    parties: "监管部门 · 委托方 · 档案中介机构",
  },
  {
    title: "Sign in",
    subtitle: "Shanghai archive outsourcing supervision platform",
    username: "Username",
    password: "Password",
    usernameRequired: "Enter your username",
    passwordRequired: "Enter your password",
    submit: "Sign in",
    lockedUntil: (time: string) =>
      `The account is locked until ${time}; try later or ask your organisation's administrator to unlock it.`,
    parties: "Regulators · Clients · Agencies",
  },
);
