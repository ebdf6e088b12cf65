// Automated accessibility check (axe-core) of the popup's views and the options page, dark theme.
import { accessibilitySuite } from './a11y-suite';

accessibilitySuite('dark');
