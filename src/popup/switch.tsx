/** An accessible on/off switch (a button with role="switch", so Space and Enter both toggle it). */
export function Switch(props: { id: string; label: string; checked: boolean; disabled?: boolean; onChange: (on: boolean) => void }) {
  return (
    <button
      type="button"
      role="switch"
      id={props.id}
      class="switch"
      aria-checked={props.checked}
      disabled={props.disabled}
      onClick={() => props.onChange(!props.checked)}
    >
      <span class="track" aria-hidden="true">
        <span class="thumb" />
      </span>
      <span>{props.label}</span>
    </button>
  );
}
