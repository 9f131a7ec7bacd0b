// A button that navigates inside the app (no <a><button> nesting).
import { Button, type ButtonProps } from "antd";
import { useNavigate } from "react-router-dom";

export function LinkButton({ to, ...props }: ButtonProps & { to: string }) {
  const navigate = useNavigate();
  return <Button {...props} onClick={() => navigate(to)} />;
}
