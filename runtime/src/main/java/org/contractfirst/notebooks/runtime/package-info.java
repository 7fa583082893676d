/**
 * Hand-written runtime shared by the generated notebook clients.
 */
package org.contractfirst.notebooks.runtime;
