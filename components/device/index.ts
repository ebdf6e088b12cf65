// The shared device display pieces, for the hover card and the popup.
export { StatusBadge } from './StatusBadge';
export { KeySpecs } from './KeySpecs';
export { SpecTable } from './SpecTable';
export { NameList } from './NameList';
export { RumorList } from './RumorList';
export { StatusTimeline } from './StatusTimeline';
export { FollowButton } from './FollowButton';
export { DEVICE_CSS } from './styles';
export { statusLabel, nameKindLabel, outcomeLabel, specLabel, safeHttpsUrl } from './labels';
export { OverdueNote } from './OverdueNote';
