/**
 * Not API: the runtime's own machinery (interceptors, error decoders, the HTTP stack, signing, endpoints, paging) and
 * what the project's client modules build on. Public only because those modules are separate jars; no compatibility
 * promise, any release may change it, and it is left out of the Javadoc and of the Java API gate (japicmp). Use the
 * clients' builders and {@code ClientOptions} instead; see docs/api-decisions.md.
 */
package org.contractfirst.notebooks.runtime.internal;
