/** `guide build`: placeholder until the rendering pipeline lands in this file. */
