// A view's filter form and the address: the form shows the address's values, and submitting
// it puts its values in the address (empty fields are left out).

export function formValues(form) {
  const values = {};
  for (const field of form.elements) {
    if (!field.name) continue;
    if (field.type === "checkbox") values[field.name] = field.checked ? "1" : "";
    else values[field.name] = field.value.trim();
  }
  return values;
}

export function fillForm(form, params) {
  for (const field of form.elements) {
    if (!field.name) continue;
    const value = params.get(field.name) || "";
    if (field.type === "checkbox") field.checked = value !== "" && value !== "0";
    else if (field.tagName === "SELECT" && value && ![...field.options].some((o) => o.value === value)) {
      field.append(new Option(value, value));
      field.value = value;
    } else field.value = value;
  }
}

// the filters every listing, chart and map takes, in the API's names
export const FILTERS = ["actor", "country", "type", "status", "forum", "place", "source", "q", "from", "to"];

export function filtersOf(params) {
  const values = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) values[name] = value;
  }
  return values;
}
