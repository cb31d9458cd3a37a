/** `npm run build:web`: the web runner (dist/web/) from the mini-program already in dist/miniprogram. */
import { buildWebApp } from './build/webApp'

buildWebApp()
  .then((web) =>
    console.log(
      `web runner: ${web.pages.length} pages, ${web.components} components, ${(web.bytes / 1024).toFixed(0)} KB → dist/web/`,
    ),
  )
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
