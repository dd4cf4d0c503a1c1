export default function Home() {
  return <main className="p-8">Keel</main>;
}
