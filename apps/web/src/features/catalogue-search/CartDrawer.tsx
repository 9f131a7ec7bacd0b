// The cart of one project: what the client will request; "request" opens the
// new-request page of the use-requests module with these items.
import { Button, Drawer, Flex, List, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { requestUrl, type useCart } from "./useCart.ts";

export function CartDrawer({
  open,
  onClose,
  projectId,
  projectName,
  cart,
}: {
  open: boolean;
  onClose: () => void;
  projectId: string | undefined;
  projectName: string;
  cart: ReturnType<typeof useCart>;
}) {
  const { t } = useI18n();
  const m = t.catalogueSearch;
  const navigate = useNavigate();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={m.cartCount(cart.entries.length)}
      size="large"
      data-testid="cart-drawer"
      extra={
        <Flex gap={8}>
          <Button onClick={cart.clear} disabled={!cart.entries.length}>
            {m.clear}
          </Button>
          <Button
            type="primary"
            disabled={!projectId || !cart.entries.length}
            onClick={() => projectId && navigate(requestUrl(projectId, cart.entries))}
            data-testid="cart-request"
          >
            {m.request}
          </Button>
        </Flex>
      }
    >
      {projectId && (
        <Typography.Paragraph type="secondary">{m.cartProject(projectName)}</Typography.Paragraph>
      )}
      <List
        dataSource={cart.entries}
        locale={{ emptyText: m.cartEmpty }}
        renderItem={(e) => (
          <List.Item
            actions={[
              <Button key="remove" size="small" onClick={() => cart.remove(e.id)}>
                {m.remove}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<span className="mono">{e.referenceCode ?? "—"}</span>}
              description={e.title}
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
