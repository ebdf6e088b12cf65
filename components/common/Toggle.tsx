// An on/off switch: a real button with role="switch", so keyboards and screen readers know its state.
import { useState } from 'preact/hooks';
export interface ToggleProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** Extra text read after the label (what the switch does). */
  description?: string;
  id?: string;
}

let counter = 0;

export function Toggle({ label, checked, onChange, disabled, description, id }: ToggleProps) {
  // A generated id is kept for the component's life, so the label association never churns.
  const [generated] = useState(() => `toggle-${++counter}`);
  const own = id ?? generated;
  return (
    <div class="app-toggle-row">
      <span class="app-toggle-text">
        <span id={`${own}-label`}>{label}</span>
        {description ? (
          <span id={`${own}-desc`} class="ss-muted app-toggle-desc">
            {description}
          </span>
        ) : null}
      </span>
      <button
        type="button"
        role="switch"
        id={own}
        class="app-toggle"
        aria-checked={checked}
        aria-labelledby={`${own}-label`}
        aria-describedby={description ? `${own}-desc` : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span class="app-toggle-knob" aria-hidden="true" />
      </button>
    </div>
  );
}
