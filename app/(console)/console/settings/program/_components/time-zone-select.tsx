"use client";

/** IANA zones grouped by area ("America", "Europe"…), so a list of four hundred stays scannable. */
export function TimeZoneSelect({ zones, defaultValue, error, className }: { zones: string[]; defaultValue: string; error?: string; className: string }) {
  const groups = new Map<string, string[]>();
  for (const zone of zones) {
    const area = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "UTC";
    groups.set(area, [...(groups.get(area) ?? []), zone]);
  }
  return (
    <select
      id="field-timeZone"
      name="timeZone"
      defaultValue={defaultValue}
      aria-invalid={error ? true : undefined}
      aria-describedby={["field-timeZone-hint", error ? "field-timeZone-error" : null].filter(Boolean).join(" ")}
      className={className}
    >
      {[...groups].map(([area, members]) => (
        <optgroup key={area} label={area}>
          {members.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
