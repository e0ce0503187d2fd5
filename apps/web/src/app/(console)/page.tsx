import { DefaultHost } from '../../components/hosts/DefaultHost';

export default function HomePage() {
  return <DefaultHost />;
}
