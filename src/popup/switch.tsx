/** An accessible on/off switch (a button with role="switch", so Space and Enter both toggle it). */
export function Switch(props: { id: string; label: string; checked: boolean; disabled?: boolean; onChange: (on: boolean) => void }) {
  return (
    <button
      type="button"
      role="switch"
      id={props.id}
      class="switch"
      aria-checked={props.checked}
      // aria-disabled, not disabled: a disabled button loses keyboard focus, and the focus fell to <body> after
      // every press while the change was being applied (a second Space then did nothing).
      aria-disabled={props.disabled ? 'true' : undefined}
      onClick={() => {
        if (!props.disabled) props.onChange(!props.checked);
      }}
    >
      <span class="track" aria-hidden="true">
        <span class="thumb" />
      </span>
      <span>{props.label}</span>
    </button>
  );
}
