// idlharness's checks of one operation (wpt resources/idlharness.js do_member_operation_asserts and
// the "Called with N arguments" / "this = null" subtests), for every member the shim defines.
/* global expect */
window.IDL = {
  /**
   * `holder[name]` is an operation of `iface`: a method (no prototype, not a constructor), `.name` and
   * `.length` as given, TypeError for a wrong `this` (unless static) and for each count below `required`.
   * `self` is a valid `this`; `native` is the engine's own function of that name, if it had one.
   */
  checkOperation({ holder, name, length, required, self, isStatic = false, native }) {
    const d = Object.getOwnPropertyDescriptor(holder, name);
    expect(d, `${name} is an own property`).to.not.equal(undefined);
    expect(d.writable && d.enumerable && d.configurable, `${name}: writable, enumerable, configurable`).to.equal(true);
    const fn = d.value;
    expect(fn.name).to.equal(name);
    expect(fn.length).to.equal(length);
    if (native) {
      expect(fn.length, 'the native .length').to.equal(native.length);
      expect(fn.name, 'the native .name').to.equal(native.name);
    }
    expect(Object.prototype.hasOwnProperty.call(fn, 'prototype'), 'no own prototype').to.equal(false);
    expect(() => new fn()).to.throw(TypeError);
    if (!isStatic) {
      for (const bad of [null, undefined, {}, 7]) expect(() => fn.call(bad, ...Array(required).fill(null)), `this = ${bad}`).to.throw(TypeError);
    }
    for (let i = 0; i < required; i++) expect(() => fn.apply(self, Array(i).fill(null)), `called with ${i} arguments`).to.throw(TypeError);
  },
};
