// A restrained government look: deep red brand colour, neutral surfaces.
import type { ThemeConfig } from "antd";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#a8071a",
    colorInfo: "#1d4ed8",
    colorLink: "#1d4ed8",
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: {
      headerBg: "#ffffff",
      siderBg: "#1f2329",
      bodyBg: "#f4f5f7",
      headerPadding: "0 24px",
      triggerBg: "#181b20",
    },
    Menu: { darkItemBg: "#1f2329", darkSubMenuItemBg: "#181b20", darkItemSelectedBg: "#a8071a" },
    Table: { headerBg: "#fafafa" },
  },
};
