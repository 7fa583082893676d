/**
 * Huawei Cloud AK/SK request signing ({@code SDK-HMAC-SHA256}) for OkHttp clients.
 */
package org.contractfirst.notebooks.runtime.auth;
