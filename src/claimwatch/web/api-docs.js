// The interactive API reference at /api/docs: Swagger UI, vendored (no CDN), over our OpenAPI document.
window.addEventListener("load", () => {
  window.SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
