// The world's countries (Natural Earth 1:110m from the world-atlas package, copied beside the
// bundle as /static/dist/world.json). Shapes are keyed by ISO 3166-1 numeric code, which the API
// gives with each country.
import { feature } from "topojson-client";

let loading = null;

export function loadWorld() {
  if (!loading) {
    loading = fetch("/static/dist/world.json").then((response) => {
      if (!response.ok) throw new Error(`the world map did not load (${response.status})`);
      return response.json();
    }).then((topology) => {
      const shapes = feature(topology, topology.objects.countries).features;
      return { shapes, byNumeric: new Map(shapes.map((shape) => [String(shape.id), shape])) };
    });
    loading.catch(() => { loading = null; });
  }
  return loading;
}
