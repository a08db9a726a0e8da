console.error("server: not yet built");
