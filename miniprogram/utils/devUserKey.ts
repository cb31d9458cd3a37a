/** Where a development build keeps the demo user it acts as (the web runner keeps it in step). */
export const DEV_USER_STORAGE_KEY = 'jl.dev.openid'
