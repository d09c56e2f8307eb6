import { Spin } from 'antd';

export function PageSpinner() {
  return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
}
