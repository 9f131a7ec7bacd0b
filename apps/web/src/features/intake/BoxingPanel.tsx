// D-8.5: boxes are made from the batch's unboxed items, one carrier per box;
// each gets the next box number and its barcode.
import { Button, Card, Flex, Select } from "antd";
import { useState } from "react";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type BatchDetail, intakeApi } from "./api.ts";
import { BOX_KIND, CARRIER } from "./labels.ts";

export function BoxingPanel({ batch, onChanged }: { batch: BatchDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const i = t.intake;
  const notify = useNotify();
  const items = useQuery(() => intakeApi.items(batch.id), [batch.id, batch.boxes.length]);
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [kind, setKind] = useState<"transfer" | "storage">("transfer");
  const [busy, setBusy] = useState(false);
  const free = (items.data?.items ?? []).filter((it) => !it.boxId);

  const make = async () => {
    setBusy(true);
    try {
      const box = await intakeApi.makeBox(batch.id, { kind, itemIds });
      notify.success(i.boxMade(box.boxNo));
      setItemIds([]);
      onChanged();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={i.makeBox} style={{ marginBottom: 16 }} data-testid="boxing-panel">
      <Flex gap={12} wrap align="center">
        <Select
          mode="multiple"
          style={{ minWidth: 420, flex: 1 }}
          placeholder={i.pickItems(free.length)}
          aria-label={i.pickItems(free.length)}
          value={itemIds}
          onChange={setItemIds}
          optionFilterProp="label"
          maxTagCount="responsive"
          options={free.map((it) => ({
            value: it.id,
            label: `${it.referenceCode ?? ""} ${it.title ?? ""} · ${CARRIER[it.carrier] ? pick(CARRIER[it.carrier]!) : it.carrier}`,
          }))}
        />
        <Button onClick={() => setItemIds(free.map((it) => it.id))} disabled={!free.length}>
          {i.pickAll}
        </Button>
        <Select
          style={{ width: 130 }}
          value={kind}
          onChange={setKind}
          aria-label={i.kind}
          options={(["transfer", "storage"] as const).map((k) => ({ value: k, label: pick(BOX_KIND[k]) }))}
        />
        <Button type="primary" loading={busy} disabled={!itemIds.length} onClick={() => void make()}>
          {i.makeBoxButton}
        </Button>
      </Flex>
    </Card>
  );
}
