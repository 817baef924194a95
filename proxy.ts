import NextAuth from "next-auth";
import { authConfig } from "./auth.config";

// Redirects only: signed-out visitors of the console, staff desk and portal go
// to their sign-in page. Authorization happens in lib/auth and the services.
const { auth } = NextAuth(authConfig);
export default auth;

export const config = { matcher: ["/console/:path*", "/staff/:path*", "/me/:path*", "/console", "/staff", "/me"] };
