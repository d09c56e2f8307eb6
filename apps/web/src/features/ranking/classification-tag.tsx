import { Tag } from 'antd';

/** A classification in its colour: the top band green, other passing bands blue, failing ones orange. */
export function ClassificationTag({ label, passes, top }: { label: string; passes: boolean; top?: boolean }) {
  return <Tag color={passes ? (top ? 'green' : 'blue') : 'orange'}>{label}</Tag>;
}
