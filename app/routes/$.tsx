/** Public: any unknown address gets the translated "not found" page with a 404 status. */
export async function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
