/** The app's root: for now a placeholder while the views are built. */
export function App() {
  return (
    <main>
      <h1>Hemsjukvård</h1>
    </main>
  );
}
