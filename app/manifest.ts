import type { MetadataRoute } from "next";

/** "Add to home screen": the portal opens on the member's home, full screen like an app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Lazo",
    short_name: "Lazo",
    description: "Tu tarjeta de socio, tus puntos y tus recompensas.",
    start_url: "/me",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1b796e",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/icon-maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
