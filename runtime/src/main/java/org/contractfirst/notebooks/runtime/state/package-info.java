/**
 * Normalized notebook states ({@link org.contractfirst.notebooks.runtime.state.NotebookState}), each platform's
 * mapping to them ({@link org.contractfirst.notebooks.runtime.state.StateMapping}), and the waiter behind the
 * clients' {@code waitFor...} methods ({@link org.contractfirst.notebooks.runtime.state.WaitOptions},
 * {@link org.contractfirst.notebooks.runtime.state.WaitResult}).
 */
package org.contractfirst.notebooks.runtime.state;
