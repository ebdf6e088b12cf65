// Automated accessibility check (axe-core) of the popup's views and the options page, light theme.
import { accessibilitySuite } from './a11y-suite';

accessibilitySuite('light');
