// Tailwind CSS 4 runs as a PostCSS plugin inside `next build`; it scans the sources for the classes used.
const config = {
  plugins: { '@tailwindcss/postcss': {} },
};

export default config;
