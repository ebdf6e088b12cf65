export function OptionsApp() {
  return <main><h1>SpecScout options</h1></main>;
}
