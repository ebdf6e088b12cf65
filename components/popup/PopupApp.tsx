export function PopupApp() {
  return <main><h1>SpecScout</h1></main>;
}
